# Half-typed names: an empty value names nothing, and "/interface list add name=\"\"" would be refused,
# so these get a finding without a fix
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=srcnat action=masquerade out-interface-list="" comment="second uplink, not typed yet" # expect: undefined-reference
/ip firewall filter add chain=forward action=drop in-interface-list="" connection-state=invalid # expect: undefined-reference
/ip firewall filter add chain=input action=accept src-address-list="" protocol=tcp dst-port=22 # expect: undefined-reference
/ip firewall filter add chain=forward action=drop in-interface="" dst-address-list=blocked # expect: undefined-reference
/ip firewall address-list add list=blocked address=192.0.2.66
