# The WAN address comes from DHCP, so the forward matches any router address but the LAN gateway.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip dhcp-client add interface=ether1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address-type=local dst-address=!192.168.88.1 protocol=tcp dst-port=8080 action=dst-nat to-addresses=192.168.88.10 to-ports=80 # expect: hairpin-missing-masquerade
