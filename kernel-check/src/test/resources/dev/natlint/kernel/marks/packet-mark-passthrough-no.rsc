# passthrough=no: the first packet mark ends mangle prerouting, so the later rule that would re-mark internet packets is not reached; the drop of that later mark never matches them.
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
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=443 out-interface=bridge
/ip firewall mangle add chain=prerouting action=mark-packet new-packet-mark=web protocol=tcp dst-port=443 passthrough=no
/ip firewall mangle add chain=prerouting action=mark-packet new-packet-mark=other in-interface=ether1
/ip firewall filter add chain=forward action=drop packet-mark=other
/ip firewall filter add chain=forward action=drop packet-mark=!web in-interface=bridge protocol=tcp dst-port=443
